package io.kaquan.wechat;

import java.util.Optional;

/**
 * Where the gateway finds the third-party platform's credentials and its latest component_verify_ticket.
 * Implemented by the agency package (which owns the configuration and the ticket pushes), so that this package
 * depends on nothing above it.
 */
public interface ComponentPlatform {

    /**
     * @param apiBaseUrl WeChat's API host for this platform (the sandbox in dev and tests)
     * @param ticket the latest ticket WeChat pushed, or null when none arrived yet
     */
    record Credentials(String appid, String secret, String ticket, String apiBaseUrl) {
        /** Never prints the secret or the ticket. */
        @Override
        public String toString() {
            return "Credentials[" + appid + ", ticket " + (ticket == null ? "missing" : "present") + "]";
        }
    }

    /** The configured platform; empty when this installation has none. */
    Optional<Credentials> credentials();
}
