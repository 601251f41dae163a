package io.imflux.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the WebSocket gateway ({@code imflux.gateway.*}, documented in config/application.yml; the limits of
 * spec/gateway.md §13-§14).
 *
 * @param port                 the gateway's own port (any path); 0 picks a free one
 * @param maxConnections       open connections above which upgrades are refused with 1601
 * @param maxFrameBytes        the largest inbound message; a larger one closes the connection with 1009
 * @param readTimeout          a connection that sends nothing (no data, no ping) for this long is closed
 * @param writeTimeout         a connection whose writes make no progress for this long is closed
 * @param webPingInterval      how often Web (platform 5) connections get a WebSocket ping
 * @param handshakeTimeout     how long a new TCP connection may take to send its upgrade request
 * @param outboundQueue        push frames queued per connection; further pushes to it are dropped until it drains
 * @param maxSubscriptions     users one connection may follow through 2005
 */
@ConfigurationProperties("imflux.gateway")
public record GatewayProperties(
    @DefaultValue("10001") int port,
    @DefaultValue("100000") int maxConnections,
    @DefaultValue("51200") int maxFrameBytes,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("10s") Duration writeTimeout,
    @DefaultValue("27s") Duration webPingInterval,
    @DefaultValue("10s") Duration handshakeTimeout,
    @DefaultValue("256") int outboundQueue,
    @DefaultValue("10000") int maxSubscriptions) {}
