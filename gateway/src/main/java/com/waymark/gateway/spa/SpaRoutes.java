package com.waymark.gateway.spa;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The web app's client-side routes all load index.html; anything unknown stays a 404. */
@Configuration
class SpaRoutes {

    @Bean
    RouterFunction<ServerResponse> webAppRoutes(@Value("classpath:/static/index.html") Resource index) {
        return RouterFunctions.route(GET("/").or(GET("/w/**")).or(GET("/admin/**")).or(GET("/agency/**")).or(GET("/invite/**"))
                .or(GET("/index.html")),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(index));
    }
}
