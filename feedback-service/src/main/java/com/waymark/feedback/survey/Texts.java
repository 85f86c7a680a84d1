package com.waymark.feedback.survey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Texts per language keep the order they were given in (the survey's language order). */
final class Texts {

    private Texts() {
    }

    static Map<String, String> copy(Map<String, String> texts) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** {@code texts} with the keys in {@code languages} order first, any others after them. */
    static Map<String, String> ordered(Map<String, String> texts, List<String> languages) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String language : languages) {
            String text = texts.get(language);
            if (text != null) {
                ordered.put(language, text);
            }
        }
        texts.forEach(ordered::putIfAbsent);
        return Collections.unmodifiableMap(ordered);
    }
}
