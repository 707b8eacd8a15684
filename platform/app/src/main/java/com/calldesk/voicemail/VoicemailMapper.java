package com.calldesk.voicemail;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface VoicemailMapper extends BaseMapper<Voicemail> {
}
