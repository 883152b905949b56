/**
 * Enterprise services (企业服务, 营商环境): requests (诉求) driven to a result the enterprise
 * rates, visits (走访) and the deeds done (实事), service people (企业秘书, 挂点领导), policies
 * (惠企政策) that find the enterprises qualifying for them, applications (申报 → 审核 → 兑现),
 * financing (过桥应急周转金, 园区贷, 续贷) and job fairs (招聘会).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise services")
package io.parkops.service;
