/**
 * HTTP concerns shared by every API: problem details, the request size limit, health, paging
 * cursors.
 */
@NullMarked
package dev.owp.poold.web;

import org.jspecify.annotations.NullMarked;
