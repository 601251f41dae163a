/**
 * The {@code /jssdk/*} routes (spec/api-third-misc.md routes 20-21): a web client's conversation list in one call,
 * each conversation with its latest message, seqs and the peer user, friend row or group, in JSON or protobuf.
 */
@NullMarked
package io.imflux.jssdk;

import org.jspecify.annotations.NullMarked;
