package com.waymark.mapping.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The editable fields of a channel (create body and PATCH target). */
record ChannelFields(@NotBlank @Size(max = 100) String name) {

    ChannelFields {
        name = name == null ? null : name.strip();
    }
}
