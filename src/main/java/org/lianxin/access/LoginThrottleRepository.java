package org.lianxin.access;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LoginThrottleRepository extends JpaRepository<LoginThrottle, String> {

    /** Locked so that concurrent failures from two nodes are all counted. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from LoginThrottle t where t.username = :username")
    Optional<LoginThrottle> findForUpdate(@Param("username") String username);
}
