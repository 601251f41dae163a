package io.imflux.presence;

import io.imflux.api.Platform;

/**
 * One WebSocket connection as the gateway registers it: what {@code /user/get_users_online_status} and
 * {@code /user/get_users_online_token_detail} report (spec/api-auth-user.md §13, §14).
 *
 * @param userID     the connected user
 * @param platform   the platform the connection's token is bound to
 * @param connID     the gateway's ID of the connection, unique per user
 * @param token      the token the connection was opened with
 * @param background whether the app said it is in the background (spec/gateway.md §16)
 */
public record Connection(String userID, Platform platform, String connID, String token, boolean background) {}
