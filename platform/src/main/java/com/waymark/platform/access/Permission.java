package com.waymark.platform.access;

/** What a request wants to do inside a workspace or tenant. */
public enum Permission {
    /** see maps, surveys, results */
    READ,
    /** create and edit content */
    WRITE,
    /** manage members and settings */
    ADMIN
}
