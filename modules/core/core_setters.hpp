#pragma once
// Setters of mod_core's directives, by the file that holds them.

#include "modules/module_api.hpp"

namespace feather::mod::core {

// read_directives.cpp: directives that act while the file is read
Status section_if_module(Cmd& cmd, const Args& args);
Status section_if_define(Cmd& cmd, const Args& args);
Status section_if_file(Cmd& cmd, const Args& args);
Status section_if_directive(Cmd& cmd, const Args& args);
Status section_if_section(Cmd& cmd, const Args& args);
Status set_define(Cmd& cmd, const Args& args);
Status set_un_define(Cmd& cmd, const Args& args);
Status set_server_root(Cmd& cmd, const Args& args);
Status set_default_runtime_dir(Cmd& cmd, const Args& args);
Status set_include(Cmd& cmd, const Args& args);
Status set_include_optional(Cmd& cmd, const Args& args);

// section_directives.cpp, limit_section.cpp, vhost_section.cpp: sections;
// options.cpp: Options, AllowOverride, AllowOverrideList, AccessFileName
Status section_directory(Cmd& cmd, const Args& args);
Status section_location(Cmd& cmd, const Args& args);
Status section_virtual_host(Cmd& cmd, const Args& args);
Status section_files(Cmd& cmd, const Args& args);
Status section_limit(Cmd& cmd, const Args& args);
Status section_limit_except(Cmd& cmd, const Args& args);
Status section_directory_match(Cmd& cmd, const Args& args);
Status section_location_match(Cmd& cmd, const Args& args);
Status section_files_match(Cmd& cmd, const Args& args);
Status section_if(Cmd& cmd, const Args& args);
Status section_else_if(Cmd& cmd, const Args& args);
Status section_else(Cmd& cmd, const Args& args);
Status set_access_file_name(Cmd& cmd, const Args& args);
Status set_allow_override(Cmd& cmd, const Args& args);
Status set_allow_override_list(Cmd& cmd, const Args& args);
Status set_options(Cmd& cmd, const Args& args);

// server_, dir_, limits_, logging_ and process_directives.cpp: everything else
Status set_add_default_charset(Cmd& cmd, const Args& args);
Status set_accept_path_info(Cmd& cmd, const Args& args);
Status set_error(Cmd& cmd, const Args& args);
Status set_document_root(Cmd& cmd, const Args& args);
Status set_error_document(Cmd& cmd, const Args& args);
Status set_default_type(Cmd& cmd, const Args& args);
Status set_file_e_tag(Cmd& cmd, const Args& args);
Status set_enable_mmap(Cmd& cmd, const Args& args);
Status set_enable_sendfile(Cmd& cmd, const Args& args);
Status set_read_buffer_size(Cmd& cmd, const Args& args);
Status set_flush_max_threshold(Cmd& cmd, const Args& args);
Status set_flush_max_pipelined(Cmd& cmd, const Args& args);
Status set_protocol(Cmd& cmd, const Args& args);
Status set_accept_filter(Cmd& cmd, const Args& args);
Status set_port(Cmd& cmd, const Args& args);
Status set_hostname_lookups(Cmd& cmd, const Args& args);
Status set_server_admin(Cmd& cmd, const Args& args);
Status set_server_name(Cmd& cmd, const Args& args);
Status set_server_signature(Cmd& cmd, const Args& args);
Status set_error_log(Cmd& cmd, const Args& args);
Status set_error_log_format(Cmd& cmd, const Args& args);
Status set_server_alias(Cmd& cmd, const Args& args);
Status set_server_path(Cmd& cmd, const Args& args);
Status set_timeout(Cmd& cmd, const Args& args);
Status set_content_digest(Cmd& cmd, const Args& args);
Status set_use_canonical_name(Cmd& cmd, const Args& args);
Status set_use_canonical_physical_port(Cmd& cmd, const Args& args);
Status set_log_level(Cmd& cmd, const Args& args);
Status set_name_virtual_host(Cmd& cmd, const Args& args);
Status set_server_tokens(Cmd& cmd, const Args& args);
Status set_limit_request_line(Cmd& cmd, const Args& args);
Status set_limit_request_fieldsize(Cmd& cmd, const Args& args);
Status set_limit_request_fields(Cmd& cmd, const Args& args);
Status set_limit_request_body(Cmd& cmd, const Args& args);
Status set_limit_xml_request_body(Cmd& cmd, const Args& args);
Status set_mutex(Cmd& cmd, const Args& args);
Status set_max_ranges(Cmd& cmd, const Args& args);
Status set_max_range_overlaps(Cmd& cmd, const Args& args);
Status set_max_range_reversals(Cmd& cmd, const Args& args);
Status set_r_limit_cpu(Cmd& cmd, const Args& args);
Status set_r_limit_mem(Cmd& cmd, const Args& args);
Status set_r_limit_nproc(Cmd& cmd, const Args& args);
Status set_regex_default_options(Cmd& cmd, const Args& args);
Status set_limit_internal_recursion(Cmd& cmd, const Args& args);
Status set_cgi_pass_auth(Cmd& cmd, const Args& args);
Status set_cgi_var(Cmd& cmd, const Args& args);
Status set_qualify_redirect_url(Cmd& cmd, const Args& args);
Status set_strict_host_check(Cmd& cmd, const Args& args);
Status set_force_type(Cmd& cmd, const Args& args);
Status set_set_handler(Cmd& cmd, const Args& args);
Status set_set_output_filter(Cmd& cmd, const Args& args);
Status set_set_input_filter(Cmd& cmd, const Args& args);
Status set_allow_encoded_slashes(Cmd& cmd, const Args& args);
Status set_score_board_file(Cmd& cmd, const Args& args);
Status set_extended_status(Cmd& cmd, const Args& args);
Status set_see_request_tail(Cmd& cmd, const Args& args);
Status set_pid_file(Cmd& cmd, const Args& args);
Status set_max_requests_per_child(Cmd& cmd, const Args& args);
Status set_max_connections_per_child(Cmd& cmd, const Args& args);
Status set_core_dump_directory(Cmd& cmd, const Args& args);
Status set_max_mem_free(Cmd& cmd, const Args& args);
Status set_thread_stack_size(Cmd& cmd, const Args& args);
Status set_trace_enable(Cmd& cmd, const Args& args);
Status set_merge_trailers(Cmd& cmd, const Args& args);
Status set_protocols(Cmd& cmd, const Args& args);
Status set_protocols_honor_order(Cmd& cmd, const Args& args);
Status set_http_protocol_options(Cmd& cmd, const Args& args);
Status set_register_http_method(Cmd& cmd, const Args& args);
Status set_merge_slashes(Cmd& cmd, const Args& args);

}  // namespace feather::mod::core
