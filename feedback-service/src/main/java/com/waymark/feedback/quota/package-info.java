/**
 * The plan's responses-per-month quota (ARCHITECTURE.md "Plans and quotas"): a counter per agency and
 * month, kept in the transactions that store responses (live batches and CSV imports).
 */
@NullMarked
package com.waymark.feedback.quota;

import org.jspecify.annotations.NullMarked;
