package com.waymark.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Holds the tenant context of the current thread. Set by the web layer from the validated token and
 * by message listeners from the event envelope; always cleared in {@code finally}.
 */
public final class TenantContextHolder {

    private static final ThreadLocal<TenantContext> CURRENT = new ThreadLocal<>();

    private TenantContextHolder() {
    }

    public static Optional<TenantContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static TenantContext require() {
        TenantContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("No tenant context on this thread");
        }
        return context;
    }

    public static void set(TenantContext context) {
        CURRENT.set(context);
        MDC.put("tenantId", context.tenantId().toString());
        if (context.workspaceId() != null) {
            MDC.put("workspaceId", context.workspaceId().toString());
        } else {
            MDC.remove("workspaceId");
        }
    }

    public static void clear() {
        CURRENT.remove();
        MDC.remove("tenantId");
        MDC.remove("workspaceId");
    }

    /** Runs {@code work} with {@code context}, restoring whatever was there before. */
    public static <T> T callAs(@Nullable TenantContext context, Supplier<T> work) {
        TenantContext previous = CURRENT.get();
        try {
            if (context == null) {
                clear();
            } else {
                set(context);
            }
            return work.get();
        } finally {
            if (previous == null) {
                clear();
            } else {
                set(previous);
            }
        }
    }

    public static void runAs(@Nullable TenantContext context, Runnable work) {
        callAs(context, () -> {
            work.run();
            return null;
        });
    }
}
