package com.waymark.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import com.waymark.platform.error.JsonPaths;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.ProblemTypes;
import com.waymark.platform.error.ValidationException;

/**
 * Request bodies read with a hard size limit (413 beyond it, without reading further), and JSON
 * parsed into records with the path of a mistyped field named in the 400.
 */
public final class Bodies {

    private Bodies() {
    }

    public static byte[] read(HttpServletRequest request, int maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }

    public static ApiException tooLarge(int maxBytes) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.TOO_LARGE, "Too large",
                "The request body must be at most " + maxBytes + " bytes");
    }

    public static <T> T parseJson(JsonMapper json, byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ValidationException("body", "must be a JSON object");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new ValidationException("body", "must be a JSON object");
            }
            return value;
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    /** A JSON mapping failure as a 400 naming the field, like the platform does for {@code @RequestBody}. */
    public static ValidationException invalid(JacksonException e) {
        String path = JsonPaths.of(e);
        if (path.isEmpty()) {
            return new ValidationException("body", "is not valid JSON of the expected shape");
        }
        return new ValidationException(path, "has the wrong type or format");
    }
}
