package com.waymark.mapping.support;

import java.util.List;
import org.springframework.http.HttpStatus;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ProblemTypes;

/**
 * An id in a request body that names nothing the caller may use here (a channel or persona of another
 * workspace, a parent touchpoint of another journey): 404 like an unknown id in a path, with the field
 * named. The answer never contains the id, so an unknown id and another workspace's read the same.
 */
public final class UnknownReference extends ApiException {

    /** E.g. {@code ("channelId", "channel", "workspace")}: "is not a channel of this workspace". */
    public UnknownReference(String field, String what, String scope) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "The " + what + " named by " + field + " was not found",
                List.of(new FieldProblem(field, "is not a " + what + " of this " + scope)));
    }
}
