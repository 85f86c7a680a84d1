package com.waymark.tenant.keycloak;

import java.security.SecureRandom;

/** One-time passwords for new users; they must replace it at first login (UPDATE_PASSWORD). */
final class TemporaryPasswords {

    static final int LENGTH = 20;
    // no look-alikes (0/O, 1/l/I) so the password survives being read aloud or retyped
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String ALL = LOWER + UPPER + DIGITS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    /** Random, with at least one lowercase letter, one uppercase letter and one digit. */
    static String generate() {
        char[] password = new char[LENGTH];
        password[0] = pick(LOWER);
        password[1] = pick(UPPER);
        password[2] = pick(DIGITS);
        for (int i = 3; i < LENGTH; i++) {
            password[i] = pick(ALL);
        }
        for (int i = LENGTH - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        return new String(password);
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
