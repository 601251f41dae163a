package io.imflux.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of conversations ({@code imflux.conversation.*}, documented in config/application.yml).
 *
 * @param msgDestructInterval how often the message destruct job runs (spec/api-conversation.md §5.4); zero turns it
 *                            off. The reference runs it once a day, at 02:00.
 */
@ConfigurationProperties("imflux.conversation")
public record ConversationProperties(@DefaultValue("1h") Duration msgDestructInterval) {}
