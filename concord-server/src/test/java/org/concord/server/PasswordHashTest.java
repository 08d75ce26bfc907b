package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        String hash = PasswordHash.hash("s3cret pass".toCharArray(), 20_000);
        assertThat(PasswordHash.verify("s3cret pass".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.verify("s3cret pasS".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        String a = PasswordHash.hash("same".toCharArray(), 10_000);
        String b = PasswordHash.hash("same".toCharArray(), 10_000);
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$10000$").doesNotContain("same");
        assertThat(PasswordHash.verify("same".toCharArray(), b)).isTrue();
    }

    @Test
    void theDefaultHashUsesTheRecommendedIterationCount() {
        assertThat(PasswordHash.hash("x".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void aMalformedHashIsRefusedWithAReasonAndNeverMatches() {
        assertThatThrownBy(() -> PasswordHash.check("plain-password")).hasMessageContaining("concord hash-password")
                .hasMessageNotContaining("plain-password");
        assertThatThrownBy(() -> PasswordHash.check("pbkdf2-sha256$100$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
                .hasMessageContaining("too few");
        assertThatThrownBy(() -> PasswordHash.check("pbkdf2-sha256$20000$!!$??")).hasMessageContaining("Base64");
        assertThat(PasswordHash.verify("x".toCharArray(), "plain-password")).isFalse();
        assertThat(PasswordHash.verify("x".toCharArray(), null)).isFalse();
    }

    @Test
    void anEmptyPasswordIsNotHashed() {
        assertThatThrownBy(() -> PasswordHash.hash(new char[0])).hasMessageContaining("empty");
    }
}
