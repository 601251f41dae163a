/** The key/value client configuration, {@code /user/*_user_client_config} (spec/api-auth-user.md §26–29). */
@NullMarked
package io.imflux.user.clientconfig;

import org.jspecify.annotations.NullMarked;
