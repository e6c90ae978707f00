package org.lianxin.matching;

import org.springframework.data.jpa.repository.JpaRepository;

interface NeedPhotoRepository extends JpaRepository<NeedPhoto, Long> {
}
