package org.lianxin.resident;

/** A resident's relation to the householder (与户主关系). */
enum Relation {
    HOUSEHOLDER, SPOUSE, CHILD, PARENT, GRANDCHILD, OTHER_RELATIVE, TENANT, OTHER
}
