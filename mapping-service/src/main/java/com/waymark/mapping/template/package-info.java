/** Journey templates of an agency: saved from a journey of one workspace, instantiated into any of its workspaces. */
@NullMarked
package com.waymark.mapping.template;

import org.jspecify.annotations.NullMarked;
