/** The control-plane audit log: who changed which agency, workspace or membership, from where. */
@NullMarked
package com.waymark.tenant.audit;

import org.jspecify.annotations.NullMarked;
