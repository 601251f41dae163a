/**
 * The WebSocket message gateway (spec/gateway.md): the upgrade and its authentication, one {@link
 * io.imflux.gateway.Session} per connection with a bounded outbound queue, request dispatch (1001-1007, 2003-2005),
 * pushes (2001, 2002, 2005), heartbeats and timeouts, the multi-login kicks and online presence.
 */
@NullMarked
package io.imflux.gateway;

import org.jspecify.annotations.NullMarked;
