package com.waymark.mapping.channel;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param defaults the channels a new workspace starts with, in display order */
@ConfigurationProperties("waymark.channels")
record ChannelProperties(@DefaultValue({ "Online", "Store", "Phone", "Email", "Social", "Mobile app" }) List<String> defaults) {
}
