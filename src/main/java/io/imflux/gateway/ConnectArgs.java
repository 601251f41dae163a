package io.imflux.gateway;

import io.imflux.api.Platform;
import io.imflux.gateway.codec.FrameFormat;

/**
 * What a connection asked for in its upgrade URL (spec/gateway.md §2), parsed and checked.
 *
 * @param platformID   the number the client sent, kept for messages that quote it
 * @param sendResponse {@code isMsgResp}: report the handshake's result in a first text frame (§3.2)
 * @param background   the app's state at connect; imflux honours it (§20 Q2)
 */
record ConnectArgs(String userID, String token, Platform platform, int platformID, String operationID,
    FrameFormat format, boolean sendResponse, boolean background, String sdkVersion) {}
