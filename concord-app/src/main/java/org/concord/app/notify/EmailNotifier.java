package org.concord.app.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.concord.app.config.NotifyConfig;

/**
 * Mails every transition over SMTP: STARTTLS (required, not merely tried), SMTPS, or a plain
 * connection only when the config says {@code security: none}. Certificates and the server's
 * host name are checked against the JDK's trust store.
 */
final class EmailNotifier extends OutboxNotifier {
    private final NotifyConfig.Email config;
    private final Session session;
    private final String describe;

    private EmailNotifier(NotifyConfig.Email config, String host, Duration timeout) {
        super(host);
        this.config = config;
        this.session = Session.getInstance(properties(config, timeout));
        this.describe = "e-mail via " + config.host() + ":" + config.port() + " (" + config.security().code() + ") to "
                + String.join(", ", config.to());
    }

    static EmailNotifier start(NotifyConfig.Email config, String host, Outbox.Policy policy, Duration timeout) {
        EmailNotifier n = new EmailNotifier(config, host, timeout);
        n.startOutbox(policy);
        return n;
    }

    static Properties properties(NotifyConfig.Email config, Duration timeout) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", config.host());
        p.setProperty("mail.smtp.port", Integer.toString(config.port()));
        p.setProperty("mail.smtp.from", config.from());
        p.setProperty("mail.smtp.auth", Boolean.toString(config.username().isPresent()));
        String millis = Long.toString(timeout.toMillis());
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        switch (config.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                // Without 'required', a server (or a man in the middle) that does not offer STARTTLS gets plain text.
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> p.setProperty("mail.smtp.starttls.enable", "false");
        }
        return p;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public Attempt send(Notification n) throws InterruptedException {
        MimeMessage message;
        try {
            message = message(n);
        } catch (MessagingException e) {
            return new Attempt.Refused("the message could not be built: " + e.getMessage());
        }
        try (Transport transport = session.getTransport("smtp")) {
            if (config.username().isPresent()) {
                transport.connect(config.host(), config.port(), config.username().get(), config.password().orElseThrow().reveal());
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
            return new Attempt.Delivered();
        } catch (AuthenticationFailedException e) {
            return new Attempt.Refused("authentication as '" + config.username().orElse("") + "' failed: " + reasonOf(e));
        } catch (MessagingException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped while sending mail");
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SSLException tls) {
                    return new Attempt.Refused("TLS failed: " + tls.getMessage());
                }
            }
            return new Attempt.Retry(reasonOf(e));
        }
    }

    MimeMessage message(Notification n) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(config.from()));
        m.setRecipients(Message.RecipientType.TO, recipients());
        m.setSubject(MailText.subject(n), "UTF-8");
        m.setText(MailText.body(n), "UTF-8");
        m.setSentDate(Date.from(n.at()));
        m.setHeader("Auto-Submitted", "auto-generated");
        m.saveChanges();
        return m;
    }

    private InternetAddress[] recipients() throws AddressException {
        InternetAddress[] to = new InternetAddress[config.to().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(config.to().get(i));
        }
        return to;
    }

    /** The exception's message and its cause's, on one line (Jakarta Mail puts the useful part in the cause). */
    private static String reasonOf(MessagingException e) {
        String s = String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ");
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !s.contains(cause.getMessage())) {
            s += ": " + cause.getMessage().strip().replaceAll("\\s+", " ");
        }
        return s;
    }

    @Override
    public void close() {
        outbox.close();
    }
}
