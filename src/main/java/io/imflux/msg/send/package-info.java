/** The HTTP send routes, {@code /msg/send_msg} and its siblings (spec/api-msg.md §4, §10). */
@NullMarked
package io.imflux.msg.send;

import org.jspecify.annotations.NullMarked;
