/**
 * Invitations to an agency or one of its workspaces: a one-time link (only its hash is stored) that
 * lets the invited person choose a password and join with the role they were invited to.
 */
@NullMarked
package com.waymark.tenant.invitation;

import org.jspecify.annotations.NullMarked;
