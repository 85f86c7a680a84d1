package com.waymark.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** WebFlux writes the XSRF-TOKEN cookie only when the token is subscribed to; the SPA needs it. */
@Component
class CsrfCookieFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return (token == null ? Mono.<Void>empty() : token.then()).then(chain.filter(exchange));
    }
}
