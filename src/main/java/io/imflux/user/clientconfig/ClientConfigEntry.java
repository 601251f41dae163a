package io.imflux.user.clientconfig;

/** One stored setting; {@code userID} is empty for a global one. */
record ClientConfigEntry(String userID, String key, String value) {}
