package com.waymark.mapping.channel;

import java.util.UUID;

/** A medium customers use (Online, Store, Phone, …); touchpoints happen in a channel. */
public record Channel(UUID id, String name) {
}
