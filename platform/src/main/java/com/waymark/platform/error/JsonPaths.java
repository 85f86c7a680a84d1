package com.waymark.platform.error;

import tools.jackson.core.JacksonException;

/** Names the field a JSON reading failure is about, the way validation errors name fields. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** e.g. {@code questions[1].kind}; empty when the failure is about the document as a whole. */
    public static String of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
