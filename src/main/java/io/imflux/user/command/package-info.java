/** The per-user command store, {@code /user/process_user_command_*} (spec/api-auth-user.md §18–22). */
@NullMarked
package io.imflux.user.command;

import org.jspecify.annotations.NullMarked;
