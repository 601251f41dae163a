/** The embedded H2 adapter of the message store (ARCHITECTURE §1): standalone mode on the embedded store. */
@NullMarked
package io.imflux.cluster.h2;

import org.jspecify.annotations.NullMarked;
