package org.lianxin.matching;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface OfferRepository extends JpaRepository<Offer, Long>, JpaSpecificationExecutor<Offer> {

    /** Offers that are not withdrawn and serve an area containing the path or in the category: the candidates. */
    @Query("select distinct o from Offer o join o.served s where o.withdrawn = false "
            + "and (o.category = :category or :path like concat(s.path, '%')) order by o.id")
    List<Offer> candidates(String category, String path);
}
