package com.calldesk.platforms;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** WeCom's domain verification files, in the platform schema (the domain is shared by every tenant). */
@Mapper
interface DomainVerificationMapper {

	/** One row of {@code domain_verification}. */
	record Row(String fileName, String content, long tenantId, String uploadedBy, Instant uploadedAt) {
	}

	@Select("SELECT content FROM domain_verification WHERE file_name = #{name}")
	String content(@Param("name") String fileName);

	@Select("SELECT file_name, content, tenant_id, uploaded_by, uploaded_at FROM domain_verification WHERE tenant_id = #{tenantId} "
			+ "ORDER BY uploaded_at DESC")
	List<Row> ofTenant(@Param("tenantId") long tenantId);

	/** Fails with a duplicate key when the name is taken, by this tenant or another. */
	@Insert("INSERT INTO domain_verification (file_name, content, tenant_id, uploaded_by, uploaded_at) "
			+ "VALUES (#{name}, #{content}, #{tenantId}, #{by}, #{at})")
	void insert(@Param("name") String fileName, @Param("content") String content, @Param("tenantId") long tenantId, @Param("by") String by,
			@Param("at") Instant at);

	@Delete("DELETE FROM domain_verification WHERE file_name = #{name} AND tenant_id = #{tenantId}")
	int delete(@Param("name") String fileName, @Param("tenantId") long tenantId);
}
