package com.waymark.feedback.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    static WebhookProperties properties(boolean allowInsecureLocalhost) {
        return new WebhookProperties(Base64.getEncoder().encodeToString(new byte[32]), allowInsecureLocalhost, 8,
                Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1),
                4, Duration.ofSeconds(60));
    }

    final WebhookTargets production = new WebhookTargets(properties(false));
    final WebhookTargets development = new WebhookTargets(properties(true));

    @Test
    void productionTakesHttpsToPublicAddressesOnly() {
        assertThat(production.problem("https://93.184.216.34/hook")).isEmpty();
        assertThat(production.problem("http://93.184.216.34/hook")).contains("must use https");
        for (String url : new String[] { "https://127.0.0.1/", "https://localhost/", "http://localhost:8080/",
                "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.1.1/", "https://169.254.169.254/",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/", "https://[fe80::1]/", "https://[fd12::1]/",
                "https://[::ffff:192.168.1.1]/", "https://[64:ff9b::a00:1]/", "https://224.0.0.1/" }) {
            assertThat(production.problem(url)).as(url).isPresent();
        }
        assertThat(production.problem("https://u:p@93.184.216.34/")).isPresent();
        assertThat(production.problem("https://93.184.216.34/#frag")).isPresent();
        assertThat(production.problem("https://93.184.216.34/" + "a".repeat(2000))).isPresent();
    }

    @Test
    void developmentAlsoTakesPlainHttpToThisMachineButNoOtherPrivateAddress() {
        assertThat(development.problem("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(development.problem("http://localhost:9000/hook")).isEmpty();
        assertThat(development.problem("http://10.0.0.1/hook")).isPresent();
        assertThat(development.problem("https://192.168.1.1/hook")).isPresent();
    }

    @Test
    void publicAddressesAreGloballyRoutableUnicast() throws Exception {
        assertThat(WebhookTargets.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(WebhookTargets.isPublic(InetAddress.getByName("2001:4860:4860::8888"))).isTrue();
        assertThat(WebhookTargets.isPublic(InetAddress.getByName("100.127.255.255"))).isFalse();
        assertThat(WebhookTargets.isPublic(InetAddress.getByName("255.255.255.255"))).isFalse();
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndACap() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(6);
        for (int i = 0; i < 50; i++) {
            assertThat(WebhookSender.backoff(1, base, max)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(WebhookSender.backoff(4, base, max)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(240));
            assertThat(WebhookSender.backoff(40, base, max)).isBetween(Duration.ofHours(3), max);
        }
    }

    @Test
    void secretsAreSealedPerWebhookAndSignaturesAreHmacOfTimeAndBody() {
        SecretBox box = new SecretBox(properties(false));
        UUID webhook = UUID.randomUUID();
        String secret = box.newSecret();
        String sealed = box.seal(webhook, secret);
        assertThat(sealed).doesNotContain(secret.substring(6)).isNotEqualTo(box.seal(webhook, secret));
        assertThat(box.open(webhook, sealed)).isEqualTo(secret);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.open(UUID.randomUUID(), sealed))
                .isInstanceOf(IllegalStateException.class);
        // a known answer (the widely published HMAC-SHA256 example)
        assertThat(WebhookSignature.hmac("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(WebhookSignature.header("key", 1_700_000_000L, "{}")).matches("t=1700000000,v1=[0-9a-f]{64}");
    }
}
