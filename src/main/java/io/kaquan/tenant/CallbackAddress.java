package io.kaquan.tenant;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether WeChat could reach a callback URL from the internet, judged from the URL alone (no DNS look-up: a page
 * view must not wait on the network): loopback, private and link-local hosts cannot be reached, plain http works
 * only on port 80 and is not encrypted. WeChat accepts only ports 80 and 443.
 */
public enum CallbackAddress {
    /** Nothing against it that the URL shows. */
    PUBLIC,
    /** localhost, 127.x, 10.x, 192.168.x, 172.16–31.x, 169.254.x, ::1, fc00::/7, *.local: WeChat cannot reach it. */
    PRIVATE,
    /** A port WeChat does not call (only 80 and 443). */
    WRONG_PORT,
    /** Plain http: works on port 80, but pushes travel unencrypted; https is advised. */
    PLAIN_HTTP;

    public static CallbackAddress of(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return PRIVATE;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (isPrivate(host)) {
            return PRIVATE;
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port != 80 && port != 443) {
            return WRONG_PORT;
        }
        return https ? PUBLIC : PLAIN_HTTP;
    }

    public boolean reachable() {
        return this == PUBLIC || this == PLAIN_HTTP;
    }

    static boolean isPrivate(String host) {
        if (host.isEmpty() || host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal") || !host.contains(".") && !host.contains(":") && !host.startsWith("[")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false; // a name: judged public without looking it up
        }
        try {
            InetAddress address = InetAddress.getByName(literal); // a literal: parsed, never resolved
            byte[] b = address.getAddress();
            boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || uniqueLocalV6 || cgnat;
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
