package com.waymark.mapping.template;

import org.jspecify.annotations.Nullable;

/** Optional body when instantiating a template: the new journey's name instead of the template's journey's. */
record TemplateOverrides(@Nullable String name) {
}
