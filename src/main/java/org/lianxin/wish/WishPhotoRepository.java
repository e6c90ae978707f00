package org.lianxin.wish;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WishPhotoRepository extends JpaRepository<WishPhoto, Long> {

    Optional<WishPhoto> findByWishIdAndKind(long wishId, WishPhoto.Kind kind);

    /** Which wishes have which photos, without loading the bytes: {wishId, kind}. */
    @Query("select p.wishId, p.kind from WishPhoto p where p.wishId in :wishIds")
    List<Object[]> kindsOf(Collection<Long> wishIds);
}
