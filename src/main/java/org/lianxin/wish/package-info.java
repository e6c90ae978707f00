/**
 * Micro-wishes (微心愿): a resident's small concrete wish, reviewed and published by the community on a
 * wish wall that hides who he is, claimed by one registered member or partner unit, fulfilled with a
 * photo and confirmed by the resident with an optional thank-you note.
 */
@org.springframework.modulith.ApplicationModule(displayName = "微心愿")
package org.lianxin.wish;
