package org.concord.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Console passwords, stored as PBKDF2-HMAC-SHA256 hashes in the config:
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in unpadded Base64). The format names
 * its iteration count, so hashes made with a higher count later keep working beside older ones.
 */
public final class PasswordHash {
    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    /** Below this a hash is refused: it would be cheap to guess. */
    static final int MIN_ITERATIONS = 10_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private PasswordHash() {}

    /** Hashes a password with a fresh random salt. */
    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    static String hash(char[] password, int iterations) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BITS);
        return SCHEME + "$" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; false (never an exception) for a malformed hash. */
    public static boolean verify(char[] password, String encoded) {
        Parsed p;
        try {
            p = parse(encoded);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = derive(password, p.salt, p.iterations, p.hash.length * 8);
        return MessageDigest.isEqual(actual, p.hash);
    }

    /**
     * Checks that {@code encoded} is a hash this class can verify.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the value)
     */
    public static void check(String encoded) {
        parse(encoded);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {}

    private static Parsed parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.strip().split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a password hash: expected " + SCHEME
                    + "$ITERATIONS$SALT$HASH as printed by 'concord hash-password'");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("password hash: the iteration count is not a number");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("password hash: " + iterations + " iterations are too few (at least "
                    + MIN_ITERATIONS + "); make a new one with 'concord hash-password'");
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            hash = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("password hash: salt or hash is not valid Base64");
        }
        if (salt.length < 8 || hash.length < 16) {
            throw new IllegalArgumentException("password hash: salt or hash too short");
        }
        return new Parsed(iterations, salt, hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * A hash of a random password, as costly to verify as {@code like}: checking an unknown user
     * against it takes as long as checking a known one.
     */
    static String decoy(String like) {
        int iterations;
        try {
            iterations = parse(like).iterations();
        } catch (IllegalArgumentException e) {
            iterations = ITERATIONS;
        }
        char[] random = new char[24];
        for (int i = 0; i < random.length; i++) {
            random[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        try {
            return hash(random, iterations);
        } finally {
            Arrays.fill(random, '\0');
        }
    }
}
