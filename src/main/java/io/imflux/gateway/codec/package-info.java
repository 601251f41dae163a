/**
 * The gateway's bytes (spec/gateway.md §7-§9): the gob and JSON envelopes of requests and replies, and gzip of whole
 * frames. Encoding writes into per-thread scratch buffers so a frame costs one exact-size array.
 */
@NullMarked
package io.imflux.gateway.codec;

import org.jspecify.annotations.NullMarked;
