/**
 * Assignment 4 — the deep network applied to the cat pictures: a two-layer and an L-layer model trained from
 * ready-made steps. {@link dlcourse.application.Application} holds the two graded models and, below them, the given
 * steps they call.
 */
package dlcourse.application;
