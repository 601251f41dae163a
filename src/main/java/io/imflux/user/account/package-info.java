/** System notification accounts, {@code /user/*_notification_account} (spec/api-auth-user.md §23–25). */
@NullMarked
package io.imflux.user.account;

import org.jspecify.annotations.NullMarked;
