package com.waymark.feedback.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may point. A webhook makes this service send requests to an address a customer
 * chose, so the address must not reach our own network (SSRF): only {@code https} to public
 * addresses; {@code http://localhost} and {@code http://127.0.0.1} only when
 * {@code allow-insecure-localhost} is set (development, tests). Checked when the URL is saved and
 * again before every attempt, with the addresses the name resolves to then (DNS may change).
 */
@Component
class WebhookTargets {

    static final int MAX_URL = 2000;
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean allowInsecureLocalhost;

    WebhookTargets(WebhookProperties properties) {
        this.allowInsecureLocalhost = properties.allowInsecureLocalhost();
    }

    /** Why the URL cannot be a webhook target, or empty when it can (resolving the name if it resolves). */
    Optional<String> problem(String url) {
        if (url.length() > MAX_URL) {
            return Optional.of("must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a #fragment");
        }
        boolean local = LOCAL_NAMES.contains(host);
        if (local && allowInsecureLocalhost && (scheme.equals("http") || scheme.equals("https"))) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (local) {
            return Optional.of("must not point at this machine");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return Optional.of("must not point at a private, loopback or link-local address");
                }
            }
        } catch (UnknownHostException e) {
            // a name that does not resolve yet is accepted here; every attempt checks again
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Before an attempt: the same rules, and the name must resolve now. */
    Optional<String> problemBeforeSending(String url) {
        Optional<String> problem = problem(url);
        if (problem.isPresent()) {
            return problem;
        }
        String host = URI.create(url).getHost();
        if (allowInsecureLocalhost && LOCAL_NAMES.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            InetAddress.getAllByName(host);
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
    }

    /** Globally routable unicast: none of loopback, private, link-local, CGNAT, multicast, reserved. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // "this" network
                    || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT 100.64/10
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (isEmbeddingIpv4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d). */
    private static boolean isEmbeddingIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] == 0 && b[11] == 0 || (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || nat64;
    }
}
