package com.calldesk.seats;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface SeatBindingMapper extends BaseMapper<SeatBinding> {
}
