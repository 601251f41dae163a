/** Who is online where: the {@link io.imflux.presence.Presence} port and its standalone adapter (ARCHITECTURE §1). */
@NullMarked
package io.imflux.presence;

import org.jspecify.annotations.NullMarked;
