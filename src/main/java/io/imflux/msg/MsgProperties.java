package io.imflux.msg;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the message path ({@code imflux.msg.*}, documented in config/application.yml).
 *
 * @param friendVerify single-chat messages need the sender in the receiver's friend list (spec/api-msg.md §11.4)
 */
@ConfigurationProperties("imflux.msg")
public record MsgProperties(@DefaultValue("false") boolean friendVerify) {}
