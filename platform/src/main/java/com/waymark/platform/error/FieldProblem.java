package com.waymark.platform.error;

/** One invalid input: the JSON path of the field at fault and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
