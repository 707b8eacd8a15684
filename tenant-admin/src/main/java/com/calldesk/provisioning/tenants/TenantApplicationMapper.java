package com.calldesk.provisioning.tenants;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface TenantApplicationMapper extends BaseMapper<TenantApplication> {
}
